/** The people a registration names: their ID numbers protected (personRef, masked, sealed), sex and birth date read from the number. */
package cn.minzheng.registry.party;
