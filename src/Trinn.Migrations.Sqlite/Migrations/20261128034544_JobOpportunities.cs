using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trinn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JobOpportunities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "TimeBlock",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "SupportMeasure",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "SupportMeasure",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "PreferredHoursMax",
                table: "ProfileVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredHoursMin",
                table: "ProfileVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoneByContactId",
                table: "FollowUp",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "EmployerContact",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "JobOpportunity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tasks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursNote = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CarvedForCandidateId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobOpportunity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobOpportunity_Candidates_CarvedForCandidateId",
                        column: x => x.CarvedForCandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JobOpportunity_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_DoneByContactId",
                table: "FollowUp",
                column: "DoneByContactId");

            migrationBuilder.CreateIndex(
                name: "IX_JobOpportunity_CarvedForCandidateId",
                table: "JobOpportunity",
                column: "CarvedForCandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_JobOpportunity_EmployerId_Status",
                table: "JobOpportunity",
                columns: new[] { "EmployerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOpportunity_Status",
                table: "JobOpportunity",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUp_EmployerContact_DoneByContactId",
                table: "FollowUp",
                column: "DoneByContactId",
                principalTable: "EmployerContact",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUp_EmployerContact_DoneByContactId",
                table: "FollowUp");

            migrationBuilder.DropTable(
                name: "JobOpportunity");

            migrationBuilder.DropIndex(
                name: "IX_FollowUp_DoneByContactId",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "TimeBlock");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "PreferredHoursMax",
                table: "ProfileVersions");

            migrationBuilder.DropColumn(
                name: "PreferredHoursMin",
                table: "ProfileVersions");

            migrationBuilder.DropColumn(
                name: "DoneByContactId",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EmployerContact");
        }
    }
}
