using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trinn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Work_TeamWayOfWorking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUp_DoneOn_PlannedDate",
                table: "FollowUp");

            migrationBuilder.AddColumn<DateOnly>(
                name: "JointFrom",
                table: "SupportMeasure",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JointTo",
                table: "SupportMeasure",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MentorMandate",
                table: "SupportMeasure",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MentorTraining",
                table: "SupportMeasure",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAtUtc",
                table: "JournalNotes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredInErrorAtUtc",
                table: "JournalNotes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredInErrorReason",
                table: "JournalNotes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "JournalNotes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "FollowUp",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedReason",
                table: "FollowUp",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoneByJournalNoteId",
                table: "FollowUp",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowEnd",
                table: "FollowUp",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowStart",
                table: "FollowUp",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Programme",
                table: "Candidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ActionPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MeetingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlan_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScheduledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatWorked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatDidNotWork = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DoDifferently = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 17000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReview_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReview_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DischargeRecord",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandoverAgreed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TakenBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TakeBackReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TakenBackById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DischargeRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DischargeRecord_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FidelityRoundRespondent",
                columns: table => new
                {
                    FidelityRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FidelityRoundRespondent", x => new { x.FidelityRoundId, x.UserId });
                    table.ForeignKey(
                        name: "FK_FidelityRoundRespondent_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FidelityRoundRespondent_FidelityRound_FidelityRoundId",
                        column: x => x.FidelityRoundId,
                        principalTable: "FidelityRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupActivity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupActivity_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalNoteRevision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JournalNoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplacedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalNoteRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalNoteRevision_JournalNotes_JournalNoteId",
                        column: x => x.JournalNoteId,
                        principalTable: "JournalNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanGoal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanGoal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanGoal_ActionPlan_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanUpdate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CandidatePresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    JobSpecialistPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmployerPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    NavVeilederPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    OthersPresent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GoalsAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    StepsAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusesChanged = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanUpdate_ActionPlan_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviewTag",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewTag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviewTag_CaseReview_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupActivityLeader",
                columns: table => new
                {
                    GroupActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupActivityLeader", x => new { x.GroupActivityId, x.UserId });
                    table.ForeignKey(
                        name: "FK_GroupActivityLeader_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupActivityLeader_GroupActivity_GroupActivityId",
                        column: x => x.GroupActivityId,
                        principalTable: "GroupActivity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupActivityParticipant",
                columns: table => new
                {
                    GroupActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupActivityParticipant", x => new { x.GroupActivityId, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_GroupActivityParticipant_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupActivityParticipant_GroupActivity_GroupActivityId",
                        column: x => x.GroupActivityId,
                        principalTable: "GroupActivity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanStep_ActionPlanGoal_GoalId",
                        column: x => x.GoalId,
                        principalTable: "ActionPlanGoal",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ActionPlanStep_ActionPlan_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_DoneByJournalNoteId",
                table: "FollowUp",
                column: "DoneByJournalNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_DoneOn_ClosedOn_PlannedDate",
                table: "FollowUp",
                columns: new[] { "DoneOn", "ClosedOn", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_TeamId_Programme",
                table: "Candidates",
                columns: new[] { "TeamId", "Programme" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlan_CandidateId",
                table: "ActionPlan",
                column: "CandidateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanGoal_ActionPlanId",
                table: "ActionPlanGoal",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanGoal_CandidateId",
                table: "ActionPlanGoal",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanStep_ActionPlanId",
                table: "ActionPlanStep",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanStep_CandidateId_Status_DueDate",
                table: "ActionPlanStep",
                columns: new[] { "CandidateId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanStep_GoalId",
                table: "ActionPlanStep",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanUpdate_ActionPlanId_Date",
                table: "ActionPlanUpdate",
                columns: new[] { "ActionPlanId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanUpdate_CandidateId",
                table: "ActionPlanUpdate",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReview_CandidateId",
                table: "CaseReview",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReview_TeamId_ScheduledFor",
                table: "CaseReview",
                columns: new[] { "TeamId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewTag_CaseReviewId",
                table: "CaseReviewTag",
                column: "CaseReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewTag_Tag_CaseReviewId",
                table: "CaseReviewTag",
                columns: new[] { "Tag", "CaseReviewId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DischargeRecord_CandidateId_DischargedOn",
                table: "DischargeRecord",
                columns: new[] { "CandidateId", "DischargedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FidelityRoundRespondent_UserId",
                table: "FidelityRoundRespondent",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActivity_TeamId_Date",
                table: "GroupActivity",
                columns: new[] { "TeamId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupActivityLeader_UserId",
                table: "GroupActivityLeader",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActivityParticipant_CandidateId",
                table: "GroupActivityParticipant",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalNoteRevision_CandidateId",
                table: "JournalNoteRevision",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalNoteRevision_JournalNoteId",
                table: "JournalNoteRevision",
                column: "JournalNoteId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUp_JournalNotes_DoneByJournalNoteId",
                table: "FollowUp",
                column: "DoneByJournalNoteId",
                principalTable: "JournalNotes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUp_JournalNotes_DoneByJournalNoteId",
                table: "FollowUp");

            migrationBuilder.DropTable(
                name: "ActionPlanStep");

            migrationBuilder.DropTable(
                name: "ActionPlanUpdate");

            migrationBuilder.DropTable(
                name: "CaseReviewTag");

            migrationBuilder.DropTable(
                name: "DischargeRecord");

            migrationBuilder.DropTable(
                name: "FidelityRoundRespondent");

            migrationBuilder.DropTable(
                name: "GroupActivityLeader");

            migrationBuilder.DropTable(
                name: "GroupActivityParticipant");

            migrationBuilder.DropTable(
                name: "JournalNoteRevision");

            migrationBuilder.DropTable(
                name: "ActionPlanGoal");

            migrationBuilder.DropTable(
                name: "CaseReview");

            migrationBuilder.DropTable(
                name: "GroupActivity");

            migrationBuilder.DropTable(
                name: "ActionPlan");

            migrationBuilder.DropIndex(
                name: "IX_FollowUp_DoneByJournalNoteId",
                table: "FollowUp");

            migrationBuilder.DropIndex(
                name: "IX_FollowUp_DoneOn_ClosedOn_PlannedDate",
                table: "FollowUp");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_TeamId_Programme",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "JointFrom",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "JointTo",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "MentorMandate",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "MentorTraining",
                table: "SupportMeasure");

            migrationBuilder.DropColumn(
                name: "CorrectedAtUtc",
                table: "JournalNotes");

            migrationBuilder.DropColumn(
                name: "EnteredInErrorAtUtc",
                table: "JournalNotes");

            migrationBuilder.DropColumn(
                name: "EnteredInErrorReason",
                table: "JournalNotes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "JournalNotes");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "DoneByJournalNoteId",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "WindowEnd",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "WindowStart",
                table: "FollowUp");

            migrationBuilder.DropColumn(
                name: "Programme",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_DoneOn_PlannedDate",
                table: "FollowUp",
                columns: new[] { "DoneOn", "PlannedDate" });
        }
    }
}
