package cn.minzheng.orgs.events;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.AsyncApiDocuments;

class AsyncApiDocumentTest {

    @Test
    void the_asyncapi_document_the_schemas_and_the_code_name_the_same_event_types() throws IOException {
        AsyncApiDocuments.assertDescribeTheCode("orgs");
    }
}
