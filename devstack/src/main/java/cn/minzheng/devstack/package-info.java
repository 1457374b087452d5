/**
 * The local runner: starts the platform on this machine with real parts and no Docker (DESIGN.md §3). The same
 * {@link cn.minzheng.devstack.Stack} serves {@code ./mz run} and the system tests, so what the tests prove is what a
 * developer runs.
 */
package cn.minzheng.devstack;
