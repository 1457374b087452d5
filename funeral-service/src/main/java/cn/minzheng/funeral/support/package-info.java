/**
 * This service's own effective-dated record of who was in a dibao or extremely-poor household in which months,
 * built from assistance-service's events (never asked of it), so a fee waiver is judged as of the date of death.
 */
package cn.minzheng.funeral.support;
