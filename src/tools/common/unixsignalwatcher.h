// Turns SIGTERM, SIGINT, SIGHUP... into a Qt signal on the main thread's event
// loop (self-pipe: the handler only writes the number to a socket).
#pragma once

#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace qrs::tools {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    // One watcher per process; main thread.
    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

// The program's name for one-line messages ("qrs-share: ...").
void printError(const QString &message);

} // namespace qrs::tools
