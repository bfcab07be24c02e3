using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trinn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Fidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstrumentVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentVersion", x => x.Id);
                    table.UniqueConstraint("AK_InstrumentVersion_Key_Version", x => new { x.Key, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "FidelityRound",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InstrumentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FidelityRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FidelityRound_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FidelityRound_InstrumentVersion_InstrumentKey_InstrumentVer~",
                        columns: x => new { x.InstrumentKey, x.InstrumentVersion },
                        principalTable: "InstrumentVersion",
                        principalColumns: new[] { "Key", "Version" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FidelityRound_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FidelityResponse",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RespondentId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InstrumentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedWithSupervisor = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FidelityResponse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FidelityResponse_AspNetUsers_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FidelityResponse_FidelityRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FidelityRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FidelityResponse_RespondentId",
                table: "FidelityResponse",
                column: "RespondentId");

            migrationBuilder.CreateIndex(
                name: "IX_FidelityResponse_RoundId_RespondentId",
                table: "FidelityResponse",
                columns: new[] { "RoundId", "RespondentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FidelityRound_CreatedById",
                table: "FidelityRound",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_FidelityRound_InstrumentKey_InstrumentVersion",
                table: "FidelityRound",
                columns: new[] { "InstrumentKey", "InstrumentVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_FidelityRound_TeamId_OpensOn",
                table: "FidelityRound",
                columns: new[] { "TeamId", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentVersion_Key_Version",
                table: "InstrumentVersion",
                columns: new[] { "Key", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FidelityResponse");

            migrationBuilder.DropTable(
                name: "FidelityRound");

            migrationBuilder.DropTable(
                name: "InstrumentVersion");
        }
    }
}
