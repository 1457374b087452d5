/**
 * Cemeteries (公益性 for local residents only, 经营性 commercial; eco or not) and their plots, allocated so that no
 * plot is ever given twice: a cemetery and its plots are one document, allocation is a conditional write of it.
 */
package cn.minzheng.funeral.cemetery;
