namespace TwitchRelay.Discord.Gateway;

/// <summary>Discord's gateway close codes and what to do about them.
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>What an operator must fix for a code that reconnecting cannot cure; null for the others.</summary>
    public static string? Fatal(int code) => code switch
    {
        AuthenticationFailed =>
            "Discord:BotToken was refused; copy the token again from the Bot tab of the Developer Portal",
        InvalidShard or ShardingRequired =>
            "Discord requires sharding for this bot; this service runs one shard (up to 2,500 guilds)",
        InvalidApiVersion => "Discord:GatewayUrl names an API version Discord refuses; use ?v=10&encoding=json",
        InvalidIntents or DisallowedIntents =>
            "Discord refused the gateway intents; this service asks only for GUILDS, check the application's settings",
        _ => null,
    };
}
