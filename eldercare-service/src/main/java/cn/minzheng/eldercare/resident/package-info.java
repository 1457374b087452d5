/** Residents: admission on a free bed with an ability assessment, reassessment, discharge, and deaths. */
package cn.minzheng.eldercare.resident;
