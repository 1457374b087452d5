/** Home adaptations' HTTP interface. */
package cn.minzheng.eldercare.adaptation.web;
