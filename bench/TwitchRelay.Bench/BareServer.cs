namespace TwitchRelay.Bench;

/// <summary>The floor the intake is compared with: Kestrel, the same route, the body read whole, 204. It runs in
/// its own process like the service, so both pay for a process of their own and the same client.</summary>
internal static class BareServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/twitch/eventsub", ReadAllAsync);
        app.MapGet("/healthz", () => Results.Text("ok"));
        await app.RunAsync();
    }

    private static async Task ReadAllAsync(HttpContext context)
    {
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
        {
            // Read whole like the intake does (its signature covers every byte), then dropped.
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
