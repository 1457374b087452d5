/**
 * What the other offices report back on a death, read from their topics in one place (one listener per topic, so
 * that no two consumers of this service split a topic's partitions): after-death case steps and retraction reversals.
 */
package cn.minzheng.funeral.offices;
