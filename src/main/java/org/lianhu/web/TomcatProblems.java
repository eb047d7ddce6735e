package org.lianhu.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Some bad requests never reach Spring: Tomcat itself refuses an over-long header, a malformed URL
 * or an invalid escape. Its error page is HTML; this valve answers those with problem details too.
 */
@Component
public class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemValve.class.getName());
          }
        });
  }

  /** Writes {@code application/problem+json} for errors that have no body yet. */
  public static class ProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          String type = status == 400 ? "invalid-request" : "http-" + status;
          writer.write(
              "{\"type\":\"/problems/"
                  + type
                  + "\",\"title\":\"请求无法处理\",\"status\":"
                  + status
                  + ",\"detail\":\"请求的格式不被服务器接受（地址、请求头或编码有误）\"}");
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response is committed: nothing more to say.
      }
    }
  }
}
