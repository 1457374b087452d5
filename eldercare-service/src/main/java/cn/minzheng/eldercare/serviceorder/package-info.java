/** Home-care service orders: eligibility, proof of service before reimbursement, monthly statements. */
package cn.minzheng.eldercare.serviceorder;
