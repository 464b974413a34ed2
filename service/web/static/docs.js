/* Interactive API docs: Swagger UI (the offline bundle shipped by the swagger-ui-bundle package) rendering
   /openapi.yaml. That Swagger UI (4.x) reads OpenAPI 3.0 only, so the 3.1 document is shown to it as 3.0.3 and its
   `type: [X, "null"]` lists are read as nullable X; /openapi.yaml itself stays the contract. */
(function () {
  "use strict";

  function asOpenApi30(text) {
    return text
      .replace(/^openapi:\s*["']?3\.1\.\d+["']?\s*$/m, "openapi: 3.0.3")
      // flow style inside { }: {type: [string, "null"]} -> {type: string, nullable: true}
      .replace(/([{,]\s*)type:\s*\[\s*(\w+)\s*,\s*"null"\s*\]/g, "$1type: $2, nullable: true")
      // block style on its own line:   type: [string, "null"]
      .replace(/^(\s*)type:\s*\[\s*(\w+)\s*,\s*"null"\s*\]\s*$/gm, "$1type: $2\n$1nullable: true");
  }

  window.addEventListener("DOMContentLoaded", function () {
    var spec = new URL("openapi.yaml", document.baseURI).href;
    window.ui = SwaggerUIBundle({
      url: spec,
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      responseInterceptor: function (response) {
        if (response.url === spec && typeof response.text === "string") {
          response.text = asOpenApi30(response.text);
        }
        return response;
      }
    });
  });
})();
