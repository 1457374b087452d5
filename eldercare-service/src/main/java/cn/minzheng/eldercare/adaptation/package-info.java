/** 适老化改造: home adaptation for poor older people, from assessment to acceptance and subsidy. */
package cn.minzheng.eldercare.adaptation;
