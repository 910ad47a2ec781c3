// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The live cache of a sharer: a table with a filter, counters, a revoke button per
// row, a log of the last transfers and, when the sharer's process is a
// supervisor, its console (SupervisorConsole). Fills whatever space it is given.
//
//     SharerPanel { anchors.fill: parent }                  // this process's sharer
//     SharerPanel { anchors.fill: parent; source: "12345" } // the sharer of pid 12345
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtResourceSharer

Pane {
    id: panel

    //! Empty: this process's sharer; else a socket address or a pid.
    property alias source: cache.source
    //! How long taken, expired and revoked rows stay visible (ms).
    property alias keepFinishedFor: cache.keepFinishedFor
    //! Transfers kept in the log.
    property int logLength: 50
    readonly property alias cacheModel: cache
    readonly property alias filterModel: filtered

    implicitWidth: 760
    implicitHeight: 440
    padding: 8

    function stateColor(state) {
        switch (state) {
        case "available": return "#d3f9d8"
        case "in-transfer": return "#fff3bf"
        case "taken": return "#d0ebff"
        case "expired": return "#e9ecef"
        case "revoked": return "#ffe3e3"
        }
        return "transparent"
    }

    function duration(seconds) {
        if (seconds < 120)
            return qsTr("%1 s").arg(seconds)
        if (seconds < 7200)
            return qsTr("%1 min").arg(Math.floor(seconds / 60))
        return qsTr("%1 h").arg(Math.floor(seconds / 3600))
    }

    function outcomeText(outcome) {
        switch (outcome) {
        case "started": return qsTr("sent")
        case "taken": return qsTr("taken")
        case "failed": return qsTr("failed")
        }
        return outcome
    }

    // Column titles and their share of the table's width.
    readonly property var columns: [
        { key: "key", title: qsTr("Key"), share: 0.09 },
        { key: "name", title: qsTr("Name"), share: 0.13 },
        { key: "kind", title: qsTr("Kind"), share: 0.07 },
        { key: "state", title: qsTr("State"), share: 0.10 },
        { key: "description", title: qsTr("Description"), share: 0.15 },
        { key: "age", title: qsTr("Age"), share: 0.06 },
        { key: "ttl", title: qsTr("TTL"), share: 0.06 },
        { key: "pid", title: qsTr("PID"), share: 0.07 },
        { key: "takenBy", title: qsTr("Taken by"), share: 0.08 },
        { key: "access", title: qsTr("Who may take"), share: 0.09 },
        { key: "action", title: "", share: 0.10 }
    ]

    CacheModel {
        id: cache
        // A supervisor followed by pid that upgrades itself in place hands over
        // to its successor: follow that one, without reopening.
        onProcessStatusChanged: {
            const upgrade = supervisorStatus.upgrade
            if (supervisorStatus.valid && upgrade.state === "done" && upgrade.successor > 0
                    && /^[0-9]+$/.test(source) && source !== String(upgrade.successor))
                source = String(upgrade.successor)
        }
        onTransferLogged: (name, pid, outcome, reason, at) => {
            transferLog.insert(0, {
                "time": Qt.formatTime(at, "HH:mm:ss"),
                "name": name,
                "pid": pid,
                "outcome": outcome,
                "reason": reason
            })
            if (transferLog.count > panel.logLength)
                transferLog.remove(panel.logLength, transferLog.count - panel.logLength)
        }
    }

    CacheFilterModel {
        id: filtered
        sourceModel: cache
        filterText: filterField.text
    }

    ListModel {
        id: transferLog
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Flow {
            Layout.fillWidth: true
            spacing: 12

            TextField {
                id: filterField
                objectName: "filterField"
                width: Math.min(260, panel.availableWidth)
                placeholderText: qsTr("Filter by name, key, state or pid")
            }
            Repeater {
                model: [
                    { label: qsTr("cached", "counter"), value: cache.cachedCount, color: "#2b8a3e" },
                    { label: qsTr("registered", "counter"), value: cache.registeredCount, color: "#495057" },
                    { label: qsTr("taken", "counter"), value: cache.takenCount, color: "#1971c2" },
                    { label: qsTr("expired", "counter"), value: cache.expiredCount, color: "#868e96" },
                    { label: qsTr("revoked", "counter"), value: cache.revokedCount, color: "#c92a2a" },
                    { label: qsTr("failed", "counter"), value: cache.failedCount, color: "#e67700" }
                ]
                delegate: Label {
                    objectName: "counter_" + index
                    height: filterField.height
                    verticalAlignment: Text.AlignVCenter
                    text: "%1 <b>%2</b>".arg(modelData.label).arg(modelData.value)
                    color: modelData.color
                }
            }
        }

        Label {
            objectName: "statusLabel"
            Layout.fillWidth: true
            visible: cache.status !== CacheModel.Following
            wrapMode: Text.Wrap
            color: cache.status === CacheModel.Error ? "#c92a2a" : palette.text
            text: cache.status === CacheModel.Connecting
                  ? qsTr("Connecting to %1…").arg(panel.source)
                  : qsTr("Cannot follow %1: %2 (retrying)").arg(panel.source).arg(cache.errorString)
        }

        // The table: a header row, then one row per resource.
        Row {
            id: header
            Layout.fillWidth: true
            Repeater {
                model: panel.columns
                delegate: Label {
                    objectName: "header_" + modelData.key
                    width: table.width * modelData.share
                    leftPadding: 4
                    elide: Text.ElideRight
                    font.bold: true
                    text: modelData.title
                }
            }
        }

        ListView {
            id: table
            objectName: "table"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 40
            clip: true
            model: filtered
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { }

            delegate: Rectangle {
                id: row
                // The view's context properties: index, and model with every role.
                readonly property int rowIndex: index
                readonly property var roles: model

                width: table.width
                height: Math.max(28, revokeButton.implicitHeight)
                color: panel.stateColor(roles.state)
                opacity: roles.finished ? 0.7 : 1

                readonly property var cells: ({
                    "key": roles.key,
                    "name": roles.name,
                    "kind": roles.kind,
                    "state": roles.stateText,
                    "description": roles.description,
                    "age": panel.duration(roles.age),
                    "ttl": roles.ttlLeft < 0 ? "–" : panel.duration(Math.ceil(roles.ttlLeft / 1000)),
                    "pid": String(roles.registeringPid),
                    "takenBy": roles.takenByPid > 0 ? String(roles.takenByPid) : "–",
                    "access": roles.access
                })

                Row {
                    anchors.fill: parent
                    Repeater {
                        model: panel.columns.length - 1
                        delegate: Label {
                            required property int index
                            width: table.width * panel.columns[index].share
                            height: row.height
                            leftPadding: 4
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                            font.family: index === 0 ? "monospace" : panel.font.family
                            font.bold: index === 3
                            text: row.cells[panel.columns[index].key]
                        }
                    }
                    Button {
                        id: revokeButton
                        objectName: "revokeButton"
                        width: table.width * panel.columns[panel.columns.length - 1].share
                        height: row.height
                        flat: true
                        enabled: !row.roles.finished
                        text: qsTr("Revoke")
                        onClicked: filtered.revoke(row.rowIndex)
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: table.count === 0
                color: "#868e96"
                text: filterField.text.length > 0 ? qsTr("No resource matches the filter.")
                                                  : qsTr("The cache is empty.")
            }
        }

        // A supervisor's console, when the sharer's process is one (processStatus).
        SupervisorConsole {
            id: supervisorConsole
            objectName: "supervisorConsole"
            Layout.fillWidth: true
            visible: cache.supervisorStatus.valid
            cacheModel: cache
        }

        Label {
            text: qsTr("Last transfers")
            font.bold: true
        }

        ListView {
            id: logView
            objectName: "transferLog"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(110, panel.availableHeight * 0.25)
            clip: true
            model: transferLog
            ScrollBar.vertical: ScrollBar { }
            delegate: Label {
                required property string time
                required property string name
                required property var pid
                required property string outcome
                required property string reason
                width: logView.width
                elide: Text.ElideRight
                color: outcome === "failed" ? "#c92a2a" : palette.text
                text: qsTr("%1  %2: %3 (pid %4)").arg(time)
                          .arg(name.length > 0 ? name : qsTr("(unnamed)"))
                          .arg(panel.outcomeText(outcome)).arg(pid)
                      + (reason.length > 0 ? " — " + reason : "")
            }
        }
    }
}
