/**
 * The fee catalogue and 惠民殡葬 fee waivers: basic services waived for local residents where the county says so,
 * further items for people of dibao and extremely-poor households, judged as of the date of death from this
 * service's own projection of assistance's events. Computed when read, so it is always the current truth.
 */
package cn.minzheng.funeral.fee;
