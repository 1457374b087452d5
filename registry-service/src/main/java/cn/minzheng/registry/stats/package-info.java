/** The figures of the registry's work report, for any division and period, from its own records. */
package cn.minzheng.registry.stats;
