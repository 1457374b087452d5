/**
 * The audit trail: an append-only, hash-chained record of every state-changing request, every refused attempt and
 * every full read of personal data, that auditors can verify and citizens can read for their own data.
 */
package cn.minzheng.platform.audit;
