/** The death events, the fact every other office reacts to. */
package cn.minzheng.funeral.death.messaging;
