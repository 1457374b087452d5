/** Who may act on which facility: a facility's own staff on theirs, officers by division. */
package cn.minzheng.eldercare.access;
