/**
 * Online appointments (网络预约): places per office, date and time band that are never overbooked under concurrent
 * load on any number of instances, one active booking per person and kind, and popular dates opened at a set time.
 */
package cn.minzheng.registry.appointment;
