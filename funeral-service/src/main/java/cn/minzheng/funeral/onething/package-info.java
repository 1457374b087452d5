/**
 * 身后一件事 (after-death one thing): one application after a death, and every office's step in it. The case records
 * (or links) the death and publishes {@code one-thing.case-opened}; assistance, eldercare and registry each react
 * (or find they already did) and report their step with an event carrying the case id; funeral's own step, the fee
 * waiver, is done at once. Steps are DONE, PENDING, REFUSED or NOT_APPLICABLE; a step silent past the configured
 * time is overdue, on a worklist. Offices talk only through events.
 */
package cn.minzheng.funeral.onething;
