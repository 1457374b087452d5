/**
 * The identifiers every service shares (DOMAIN.md "Shared identifiers"), as value types that cannot hold an
 * invalid value: a request carrying a bad one is refused with a 400 problem naming the field.
 */
package cn.minzheng.platform.identity;
