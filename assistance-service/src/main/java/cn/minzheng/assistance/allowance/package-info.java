/**
 * Category allowances (分类补贴): the disability "two subsidies", orphans' and unsupported children's living
 * allowances and the old-age allowance. They are not means-tested gaps: a person qualifies by who they are (age,
 * disability, a child's status, membership of a dibao or extremely-poor household), judged by the county's
 * {@link cn.minzheng.assistance.allowance.AllowanceRules rules}, which are data with effective dates and
 * four-eyes approval. A {@link cn.minzheng.assistance.allowance.Beneficiary} is one person (most are in no
 * assistance household) with their allowances; {@link cn.minzheng.assistance.allowance.AllowanceProposal}s are the
 * proactive enrolments (免申即享) an officer confirms.
 */
package cn.minzheng.assistance.allowance;
