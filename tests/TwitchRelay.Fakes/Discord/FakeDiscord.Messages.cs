using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Channels, webhooks and messages: create (with nonce dedupe), edit and delete.
/// https://discord.com/developers/docs/resources/message</summary>
public sealed partial class FakeDiscord
{
    // Discord dedupes an enforced nonce for "the past few minutes".
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset DiscordEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1420070400000);

    private readonly Dictionary<string, bool> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Token, string ChannelId)> webhooks = new(StringComparer.Ordinal);
    private readonly List<StoredMessage> messages = [];
    private readonly Dictionary<(string Channel, string Nonce), StoredMessage> nonces = [];
    private long sequence;

    private (FakeDiscordAnswer? Error, string? ChannelId) ResolveTarget(FakeDiscordRoute route)
    {
        if (route.WebhookToken is not null)
        {
            // Discord answers 10015 for an unknown id; for a wrong token, too, as far as a caller can tell.
            return webhooks.TryGetValue(route.MajorId, out var hook) && hook.Token == route.WebhookToken
                ? (null, hook.ChannelId)
                : (FakeDiscordAnswer.Error(404, 10015, "Unknown Webhook"), null);
        }

        if (GuildOfChannel(route.MajorId) is { } guild)
        {
            var refused = route.MessageId is null ? CheckPostPermission(guild, route.MajorId) : null;
            return refused is null ? (null, route.MajorId) : (refused, null);
        }

        if (!channels.TryGetValue(route.MajorId, out var canSend))
        {
            return (FakeDiscordAnswer.Error(404, 10003, "Unknown Channel"), null);
        }

        return canSend || route.MessageId is not null
            ? (null, route.MajorId)
            : (FakeDiscordAnswer.Error(403, 50013, "Missing Permissions"), null);
    }

    private FakeDiscordAnswer Create(FakeDiscordRoute route, string channelId, JsonObject body, string query)
    {
        var now = options.TimeProvider.GetUtcNow();
        var isWebhook = route.WebhookToken is not null;

        // Nonces exist only for bot posts; webhooks ignore them.
        var nonce = isWebhook ? null : body["nonce"]?.ToString();
        var enforce = body["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var flag) && flag;
        if (nonce is not null && enforce && nonces.TryGetValue((channelId, nonce), out var earlier)
            && now - earlier.Timestamp < NonceWindow)
        {
            return FakeDiscordAnswer.Ok(earlier.ToJson());
        }

        var message = new StoredMessage
        {
            Id = NextSnowflake(now),
            ChannelId = channelId,
            WebhookId = isWebhook ? route.MajorId : null,
            Content = body["content"]?.ToString(),
            Embeds = (body["embeds"] as JsonArray)?.ToJsonString() ?? "[]",
            Nonce = nonce,
            Timestamp = now,
        };
        messages.Add(message);
        if (nonce is not null && enforce)
        {
            nonces[(channelId, nonce)] = message;
        }

        // https://discord.com/developers/docs/resources/webhook#execute-webhook: without wait=true, 204 and no body.
        var wait = query.Contains("wait=true", StringComparison.OrdinalIgnoreCase)
            || query.Contains("wait=1", StringComparison.Ordinal);
        return isWebhook && !wait ? FakeDiscordAnswer.NoContent() : FakeDiscordAnswer.Ok(message.ToJson());
    }

    private FakeDiscordAnswer Change(FakeDiscordRoute route, string channelId, string messageId, JsonObject? body)
    {
        var webhookId = route.WebhookToken is null ? null : route.MajorId;
        var message = messages.FirstOrDefault(m =>
            m.Id == messageId
            && m.ChannelId == channelId
            && !m.Deleted
            && (webhookId is null || m.WebhookId == webhookId));
        if (message is null)
        {
            return FakeDiscordAnswer.Error(404, 10008, "Unknown Message");
        }

        if (body is null)
        {
            message.Deleted = true;
            return FakeDiscordAnswer.NoContent();
        }

        // Fields are optional and nullable: absent keeps, null clears.
        if (body.ContainsKey("content"))
        {
            message.Content = body["content"]?.ToString();
        }

        if (body.ContainsKey("embeds"))
        {
            message.Embeds = (body["embeds"] as JsonArray)?.ToJsonString() ?? "[]";
        }

        message.EditCount++;
        message.EditedTimestamp = options.TimeProvider.GetUtcNow();
        return FakeDiscordAnswer.Ok(message.ToJson());
    }

    // https://discord.com/developers/docs/reference#snowflakes: milliseconds since 2015 in the top 42 bits.
    private string NextSnowflake(DateTimeOffset now)
    {
        var millis = (ulong)Math.Max(0, (now - DiscordEpoch).TotalMilliseconds);
        var id = (millis << 22) | ((ulong)++sequence & 0xFFF);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class StoredMessage
    {
        public required string Id { get; init; }

        public required string ChannelId { get; init; }

        public string? WebhookId { get; init; }

        public string? Content { get; set; }

        public required string Embeds { get; set; }

        public string? Nonce { get; init; }

        public int EditCount { get; set; }

        public bool Deleted { get; set; }

        public DateTimeOffset Timestamp { get; init; }

        public DateTimeOffset? EditedTimestamp { get; set; }

        public FakeDiscordMessage Snapshot() =>
            new(Id, ChannelId, WebhookId, Content, Embeds, Nonce, EditCount, Deleted, Timestamp, EditedTimestamp);

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["id"] = Id,
                ["type"] = 0,
                ["channel_id"] = ChannelId,
                ["content"] = Content ?? "",
                ["embeds"] = JsonNode.Parse(Embeds),
                ["attachments"] = new JsonArray(),
                ["mentions"] = new JsonArray(),
                ["mention_roles"] = new JsonArray(),
                ["pinned"] = false,
                ["tts"] = false,
                ["flags"] = 0,
                ["timestamp"] = Timestamp.ToString("O", CultureInfo.InvariantCulture),
                ["edited_timestamp"] = EditedTimestamp?.ToString("O", CultureInfo.InvariantCulture),
            };
            if (Nonce is not null)
            {
                json["nonce"] = Nonce;
            }

            if (WebhookId is not null)
            {
                json["webhook_id"] = WebhookId;
            }

            return json;
        }
    }
}
