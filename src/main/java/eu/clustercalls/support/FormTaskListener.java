package eu.clustercalls.support;

import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The listener of a user task with a form: on create it puts the view of the task's entity into task-local
 * variables for the form to show ({@link FormView}); on complete it records what the form submitted (refusing what
 * breaks a rule, which the engine then refuses too).
 */
public abstract class FormTaskListener implements TaskListener {

    private final Function<DelegateTask, Long> subject;

    /** @param subject finds the id of the task's entity from its process instance, never from a variable */
    protected FormTaskListener(Function<DelegateTask, Long> subject) {
        this.subject = subject;
    }

    @Override
    public final void notify(DelegateTask task) {
        Long id = subject.apply(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            view(id).showIn(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, id);
        }
    }

    protected abstract FormView view(Long id);

    protected abstract void complete(DelegateTask task, Long id);
}
