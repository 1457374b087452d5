/**
 * Funeral's own projection of registry's marriages (registered, back-entered, ended by divorce), by person: who was
 * whose spouse on a day, for the surviving spouse's reservation next to a buried person (夫妻合葬).
 */
package cn.minzheng.funeral.marriage;
