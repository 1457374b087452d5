/** Meal assistance (助餐): meals served at meal points, once per person, day and meal, with the subsidy. */
package cn.minzheng.eldercare.meal;
