/**
 * The plumbing of an office's part in an after-death one-thing case (身后一件事), the same in every office that
 * answers: its step report (id {@code step-<caseId>}, collection {@code one_thing_steps}) and its report on a
 * retracted death (id {@code retraction-<deathId>}, collection {@code retraction_reports}), each stored with its
 * event in one write and once (a redelivered case-opened or retraction reports nothing twice). On in a service that
 * names its office ({@code minzheng.one-thing.office}). What a death means for the office, and so what it reports,
 * stays the office's own decision; nothing here knows a household, a resident or a marriage.
 */
package cn.minzheng.platform.onething;
