/** Safety inspections of facilities: findings with legal deadlines, rectification, and the overdue worklist. */
package cn.minzheng.eldercare.inspection;
