/**
 * Refusals of domain rules: a stable code, a reason in domain terms, and words from the bundles; no HTTP. The web
 * layer ({@code problem/}) alone maps a reason to a status.
 */
package cn.minzheng.platform.refusal;
