using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Twitch.EventSub;

/// <summary>The EventSub secret: <c>Twitch:EventSubSecret</c> when set; otherwise one generated on first start
/// (32 random bytes, hex, as Twitch suggests) and kept encrypted in the database, so <c>replay</c> and a restarted
/// service use the same one.</summary>
public sealed partial class EventSubSecretSource(
    IOptions<TwitchOptions> options,
    IDbContextFactory<RelayDbContext> contexts,
    SecretProtector protector,
    ILogger<EventSubSecretSource> logger)
{
    private const string SettingKey = "eventsub-secret";
    private byte[]? secret;

    /// <summary>The secret's bytes; <see cref="LoadAsync"/> must have run.</summary>
    public ReadOnlySpan<byte> Secret =>
        secret ?? throw new InvalidOperationException("The EventSub secret was not loaded at start-up.");

    public string SecretText => Encoding.ASCII.GetString(Secret);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.EventSubSecret;
        if (!string.IsNullOrEmpty(configured))
        {
            secret = Encoding.ASCII.GetBytes(configured);
            return;
        }

        await using var db = contexts.CreateDbContext();
        var stored = await db.Settings.FindAsync([SettingKey], cancellationToken);
        if (stored is null)
        {
            var generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            stored = new Setting { Key = SettingKey, Value = protector.Protect(generated) };
            db.Settings.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            LogGenerated();
        }

        secret = Encoding.ASCII.GetBytes(protector.Unprotect(stored.Value));
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Twitch:EventSubSecret is not set: generated one and stored it, encrypted, in the database")]
    private partial void LogGenerated();
}
