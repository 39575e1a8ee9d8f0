using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TwitchAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdminChannelId",
                table: "guild_links",
                type: "TEXT",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "link_requests");

            migrationBuilder.DropTable(
                name: "link_tickets");

            migrationBuilder.DropTable(
                name: "twitch_accounts");

            migrationBuilder.DropColumn(
                name: "AdminChannelId",
                table: "guild_links");
        }
    }
}
