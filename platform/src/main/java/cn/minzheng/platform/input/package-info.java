/**
 * What a request may carry, checked once for every service before a controller sees it: dates inside the span a
 * civil-affairs record can have, text without control or bidi-override characters and of bounded length, and JSON
 * bodies read strictly (no duplicate keys, no numbers truncated to integers, no strings coerced to numbers or
 * booleans). A new service inherits all of it by depending on the platform.
 */
package cn.minzheng.platform.input;
