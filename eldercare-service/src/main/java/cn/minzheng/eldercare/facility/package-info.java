/** Facilities: what they are, who runs them, their beds and how many are free. */
package cn.minzheng.eldercare.facility;
