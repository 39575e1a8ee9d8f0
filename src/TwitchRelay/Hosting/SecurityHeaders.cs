namespace TwitchRelay.Hosting;

/// <summary>Headers every answer carries, so the dashboard's buttons (Un-Link, Remove, Resend) cannot be framed by
/// another site and clicked through it, scripts come only from this service, and an address holding a guild id or an
/// OAuth state is not sent to the image hosts of avatars. Inline styles stay allowed: the preview colours each embed's
/// border as Discord does. https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy</summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
