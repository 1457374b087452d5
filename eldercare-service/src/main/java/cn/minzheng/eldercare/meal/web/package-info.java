/** Meal assistance's HTTP interface, for meal points, officers and citizens. */
package cn.minzheng.eldercare.meal.web;
