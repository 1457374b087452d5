/** HTTP for free places, bookings, cancellations and attendance. */
package cn.minzheng.registry.appointment.web;
