/** Applications: submission, means test, township review, public notice, objections, county approval. */
package cn.minzheng.assistance.application;
