using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StreamPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeletesMessage",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OfflineAction",
                table: "alert_rules",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stream_states",
                columns: table => new
                {
                    BroadcasterId = table.Column<string>(type: "TEXT", nullable: false),
                    Login = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    ProfileImageUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    CategoryName = table.Column<string>(type: "TEXT", nullable: true),
                    TitleChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsLive = table.Column<bool>(type: "INTEGER", nullable: false),
                    StreamId = table.Column<string>(type: "TEXT", nullable: true),
                    StreamType = table.Column<string>(type: "TEXT", nullable: true),
                    StreamIds = table.Column<string>(type: "TEXT", nullable: false),
                    Session = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiveSince = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOfflineAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VodUrl = table.Column<string>(type: "TEXT", nullable: true),
                    VodSearchUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stream_states", x => x.BroadcasterId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stream_states");

            migrationBuilder.DropColumn(
                name: "DeletesMessage",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "OfflineAction",
                table: "alert_rules");
        }
    }
}
