/** Who receives monthly assistance, as this service learns it from assistance-service's events. */
package cn.minzheng.eldercare.support;
