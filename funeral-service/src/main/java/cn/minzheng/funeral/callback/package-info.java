/**
 * Signed callbacks (Standard Webhooks) to the provincial platform: each integration client's secret (stored
 * encrypted) and the URL prefixes it may be called back on, registered by an admin; a callback target is refused
 * unless it is on the allow-list and resolves to public addresses only (loopback only where the dev stack allows
 * it), checked again before each delivery against DNS rebinding.
 */
package cn.minzheng.funeral.callback;
