/**
 * Child protection (未成年人保护): children in difficulty and left-behind children with their risk level, the
 * entrusted-guardianship agreements (委托监护责任确认书), the village child directors (儿童主任) who visit them
 * and are paid a monthly stipend from the payroll, and the overdue-visit worklist. A child's record is read only
 * by officers of the child's division and by the child director assigned to the child.
 */
package cn.minzheng.assistance.child;
