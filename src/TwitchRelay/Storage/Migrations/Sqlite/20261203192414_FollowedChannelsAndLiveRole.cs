using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowedChannelsAndLiveRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LiveRoleId",
                table: "guild_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveRoleProblem",
                table: "guild_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LiveRoleProblemAt",
                table: "guild_links",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StreamerDiscordUserId",
                table: "guild_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "followed_channels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", nullable: false),
                    BroadcasterId = table.Column<string>(type: "TEXT", nullable: false),
                    Login = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    DiscordUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followed_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_followed_channels_guild_links_GuildId",
                        column: x => x.GuildId,
                        principalTable: "guild_links",
                        principalColumn: "GuildId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_followed_channels_BroadcasterId",
                table: "followed_channels",
                column: "BroadcasterId");

            migrationBuilder.CreateIndex(
                name: "IX_followed_channels_GuildId_BroadcasterId",
                table: "followed_channels",
                columns: new[] { "GuildId", "BroadcasterId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followed_channels");

            migrationBuilder.DropColumn(
                name: "LiveRoleId",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "LiveRoleProblem",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "LiveRoleProblemAt",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "StreamerDiscordUserId",
                table: "guild_links");
        }
    }
}
