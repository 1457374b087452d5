/** The reaction to recorded deaths, across the features a death touches. */
package cn.minzheng.eldercare.death;
