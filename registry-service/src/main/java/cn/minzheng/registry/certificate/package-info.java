/** Certificate numbers (结婚证/离婚证/收养证字号): per office and year, unique across all of them. */
package cn.minzheng.registry.certificate;
