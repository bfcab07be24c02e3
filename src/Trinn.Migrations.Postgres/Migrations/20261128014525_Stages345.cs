using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trinn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Stages345 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarFeedToken",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedToken", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeedToken_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Employer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Sector = table.Column<int>(type: "integer", nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Size = table.Column<int>(type: "integer", nullable: true),
                    IaAgreement = table.Column<bool>(type: "boolean", nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Employer_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpPeriod",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReducedWorkCapacity = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpPeriod", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpPeriod_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmployerContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployerId = table.Column<int>(type: "integer", nullable: false),
                    SpecialistId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    FirstContact = table.Column<bool>(type: "boolean", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerContact_AspNetUsers_SpecialistId",
                        column: x => x.SpecialistId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmployerContact_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmployerContactPerson",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerContactPerson", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerContactPerson_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Placement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    EmployerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Market = table.Column<int>(type: "integer", nullable: false),
                    PositionPercent = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Ending = table.Column<int>(type: "integer", nullable: true),
                    RegisteredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placement_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Placement_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodExtension",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowUpPeriodId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    FromEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ToEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodExtension", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodExtension_FollowUpPeriod_FollowUpPeriodId",
                        column: x => x.FollowUpPeriodId,
                        principalTable: "FollowUpPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmployerContactCandidate",
                columns: table => new
                {
                    EmployerContactId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerContactCandidate", x => new { x.EmployerContactId, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_EmployerContactCandidate_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmployerContactCandidate_EmployerContact_EmployerContactId",
                        column: x => x.EmployerContactId,
                        principalTable: "EmployerContact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeBlock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    OutOfOffice = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JournalNoteId = table.Column<int>(type: "integer", nullable: true),
                    EmployerContactId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeBlock", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimeBlock_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TimeBlock_EmployerContact_EmployerContactId",
                        column: x => x.EmployerContactId,
                        principalTable: "EmployerContact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TimeBlock_JournalNotes_JournalNoteId",
                        column: x => x.JournalNoteId,
                        principalTable: "JournalNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FollowUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneBy = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUp_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUp_Placement_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportMeasure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    NextReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MentorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HoursPerMonth = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMeasure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportMeasure_Placement_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedToken_TokenHash",
                table: "CalendarFeedToken",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedToken_UserId",
                table: "CalendarFeedToken",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Employer_TeamId_Name",
                table: "Employer",
                columns: new[] { "TeamId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Employer_TeamId_OrganizationNumber",
                table: "Employer",
                columns: new[] { "TeamId", "OrganizationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContact_Date",
                table: "EmployerContact",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContact_EmployerId_Date",
                table: "EmployerContact",
                columns: new[] { "EmployerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContact_SpecialistId_Date",
                table: "EmployerContact",
                columns: new[] { "SpecialistId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContactCandidate_CandidateId",
                table: "EmployerContactCandidate",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContactPerson_EmployerId",
                table: "EmployerContactPerson",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_CandidateId_PlannedDate",
                table: "FollowUp",
                columns: new[] { "CandidateId", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_DoneOn_PlannedDate",
                table: "FollowUp",
                columns: new[] { "DoneOn", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_PlacementId",
                table: "FollowUp",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPeriod_CandidateId",
                table: "FollowUpPeriod",
                column: "CandidateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPeriod_EndDate",
                table: "FollowUpPeriod",
                column: "EndDate");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodExtension_FollowUpPeriodId",
                table: "PeriodExtension",
                column: "FollowUpPeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_Placement_CandidateId_StartDate",
                table: "Placement",
                columns: new[] { "CandidateId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Placement_EmployerId",
                table: "Placement",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasure_Kind_NextReviewDate",
                table: "SupportMeasure",
                columns: new[] { "Kind", "NextReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasure_PlacementId",
                table: "SupportMeasure",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeBlock_EmployerContactId",
                table: "TimeBlock",
                column: "EmployerContactId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeBlock_JournalNoteId",
                table: "TimeBlock",
                column: "JournalNoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeBlock_UserId_Date",
                table: "TimeBlock",
                columns: new[] { "UserId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeedToken");

            migrationBuilder.DropTable(
                name: "EmployerContactCandidate");

            migrationBuilder.DropTable(
                name: "EmployerContactPerson");

            migrationBuilder.DropTable(
                name: "FollowUp");

            migrationBuilder.DropTable(
                name: "PeriodExtension");

            migrationBuilder.DropTable(
                name: "SupportMeasure");

            migrationBuilder.DropTable(
                name: "TimeBlock");

            migrationBuilder.DropTable(
                name: "FollowUpPeriod");

            migrationBuilder.DropTable(
                name: "Placement");

            migrationBuilder.DropTable(
                name: "EmployerContact");

            migrationBuilder.DropTable(
                name: "Employer");
        }
    }
}
