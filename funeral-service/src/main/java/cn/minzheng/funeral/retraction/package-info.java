/**
 * Retracting a death recorded in error: proposed by one funeral officer and confirmed by another, published as
 * {@code death.retracted}; the after-death case, if any, becomes RETRACTED; each office's report of what it reversed
 * and what needs a person is kept on the death.
 */
package cn.minzheng.funeral.retraction;
