/**
 * This office's step in an after-death one-thing case (身后一件事): when funeral opens a case, the office makes sure
 * its reaction to the death has happened (now or earlier) and reports DONE or NOT_APPLICABLE with an event carrying
 * the case id. One report per case (id {@code step-<caseId>}): a redelivered case-opened reports nothing twice.
 */
package cn.minzheng.eldercare.onething;
