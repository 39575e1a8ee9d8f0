using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eventsub_revocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<string>(type: "TEXT", nullable: false),
                    SubscriptionType = table.Column<string>(type: "TEXT", nullable: false),
                    SubscriptionVersion = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Condition = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eventsub_revocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guild_links",
                columns: table => new
                {
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    BroadcasterId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AdminChannelId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guild_links", x => x.GuildId);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubscriptionType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubscriptionVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MessageTimestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "link_requests",
                columns: table => new
                {
                    StateHash = table.Column<string>(type: "TEXT", nullable: false),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    BrowserBindingHash = table.Column<string>(type: "TEXT", nullable: false),
                    RedirectUri = table.Column<string>(type: "TEXT", nullable: false),
                    IsRelink = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsScopeUpgrade = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_requests", x => x.StateHash);
                });

            migrationBuilder.CreateTable(
                name: "link_tickets",
                columns: table => new
                {
                    TicketHash = table.Column<string>(type: "TEXT", nullable: false),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    IsRelink = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_tickets", x => x.TicketHash);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "thread_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    LaneKey = table.Column<string>(type: "TEXT", nullable: false),
                    ThreadKey = table.Column<string>(type: "TEXT", nullable: false),
                    DiscordMessageId = table.Column<string>(type: "TEXT", nullable: false),
                    ShownStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ShownEventTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ShownDeliveryId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thread_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "twitch_accounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Login = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    BroadcasterType = table.Column<string>(type: "TEXT", nullable: false),
                    ProfileImageUrl = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedAccessToken = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedRefreshToken = table.Column<string>(type: "TEXT", nullable: true),
                    AccessTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TokensIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    BrokenReason = table.Column<string>(type: "TEXT", nullable: true),
                    BrokenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastValidatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_twitch_accounts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", nullable: true),
                    WebhookId = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedWebhookToken = table.Column<string>(type: "TEXT", nullable: true),
                    MentionRoleIds = table.Column<string>(type: "TEXT", nullable: false),
                    Template = table.Column<string>(type: "TEXT", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabledReason = table.Column<string>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_rules_guild_links_GuildId",
                        column: x => x.GuildId,
                        principalTable: "guild_links",
                        principalColumn: "GuildId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InboxId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", nullable: false),
                    LaneKey = table.Column<string>(type: "TEXT", nullable: false),
                    ThreadKey = table.Column<string>(type: "TEXT", nullable: true),
                    ThreadStage = table.Column<int>(type: "INTEGER", nullable: false),
                    EventTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    DiscordMessageId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliveries_alert_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "alert_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deliveries_inbox_InboxId",
                        column: x => x.InboxId,
                        principalTable: "inbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_rules_GuildId_EventKey",
                table: "alert_rules",
                columns: new[] { "GuildId", "EventKey" });

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_GuildId",
                table: "deliveries",
                column: "GuildId");

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_InboxId_RuleId",
                table: "deliveries",
                columns: new[] { "InboxId", "RuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_LaneKey_ThreadKey",
                table: "deliveries",
                columns: new[] { "LaneKey", "ThreadKey" });

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_RuleId",
                table: "deliveries",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Status_NextAttemptAt",
                table: "deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_eventsub_revocations_SubscriptionId",
                table: "eventsub_revocations",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_guild_links_BroadcasterId",
                table: "guild_links",
                column: "BroadcasterId");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_MessageId",
                table: "inbox",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_ProcessedAt",
                table: "inbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_thread_messages_GuildId",
                table: "thread_messages",
                column: "GuildId");

            migrationBuilder.CreateIndex(
                name: "IX_thread_messages_LaneKey_ThreadKey",
                table: "thread_messages",
                columns: new[] { "LaneKey", "ThreadKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "eventsub_revocations");

            migrationBuilder.DropTable(
                name: "link_requests");

            migrationBuilder.DropTable(
                name: "link_tickets");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "thread_messages");

            migrationBuilder.DropTable(
                name: "twitch_accounts");

            migrationBuilder.DropTable(
                name: "alert_rules");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "guild_links");
        }
    }
}
